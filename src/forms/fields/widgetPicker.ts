/**
 * Picks the widget for a field from a registry (the `widgets` prop, else src/widgets' default
 * registry). Table cells ask for the compact variant. The registry caches per field node, so
 * rendering a row costs one lookup.
 */
import type { FieldNode } from '../../schemas/index';
import { defaultWidgetRegistry, type WidgetComponent, type WidgetRegistry } from '../../widgets/index';
import { FallbackWidget } from './FallbackWidget';

export type PickWidget = (field: FieldNode, compact?: boolean) => WidgetComponent;

/** A field -> widget function for `registry` (default: the built-in registry). */
export function widgetPicker(registry: WidgetRegistry = defaultWidgetRegistry): PickWidget {
  return (field, compact = false) => {
    try {
      return registry.pick(field, compact ? { compact: true } : undefined);
    } catch {
      // A registry with nothing for this kind: the plain input still lets the user type a value.
      return FallbackWidget;
    }
  };
}
