/** formulary/sorted: sorted containers (SortedList, SortedKeyList, SortedDict, SortedSet), no DOM. */
export type { Comparator, NaturalKey } from './bisect';
export type { RangeOptions, SortedOptions } from './SortedBase';
export { SortedDict } from './SortedDict';
export { MappedIterator, SortedItemsView, SortedKeysView, SortedValuesView } from './SortedDictViews';
export type { SortedIterator } from './SortedIterator';
export { SortedKeyList } from './SortedKeyList';
export { SortedList } from './SortedList';
export { SortedSet } from './SortedSet';
