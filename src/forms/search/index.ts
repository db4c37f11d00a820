/** The form's field search: the box, its filter and the jump. Internal barrel for src/forms/index.ts. */
export { FieldSearch, type SearchSort } from './FieldSearch';
export { type BranchSwitch, jumpToField, oneEntryPerField, targetPath } from './jumpToField';
export {
  createSearchFilter,
  type SearchFilter,
  SearchFilterContext,
  useSearchFiltering,
  useSearchShows,
  useSearchShowsAny,
} from './SearchFilter';
export { SearchScope } from './SearchScope';
