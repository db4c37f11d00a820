/**
 * Puts the search box above a form and gives the form's nodes the "show only matches" filter.
 * Rendered by SubmissionForm inside its form and UI contexts; with `enabled` false it renders the
 * form alone and nothing is filtered.
 */
import { type ReactNode, useState } from 'react';
import { FieldSearch } from './FieldSearch';
import { createSearchFilter, SearchFilterContext } from './SearchFilter';

export function SearchScope({ enabled, children }: { enabled: boolean; children: ReactNode }): ReactNode {
  const [filter] = useState(createSearchFilter);
  if (!enabled) return children;
  return (
    <SearchFilterContext.Provider value={filter}>
      <FieldSearch filter={filter} />
      {children}
    </SearchFilterContext.Provider>
  );
}
