/** Widgets: one input per kind of value, through a registry a facility can extend. */
export {};
