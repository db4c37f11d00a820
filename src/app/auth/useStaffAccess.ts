/** The model the portal shows the signed-in user: staff-only fields read-only unless they are staff. */
import { useMemo } from 'react';
import type { FieldModel } from '../../schemas/index';
import { staffAccessModel } from './staffAccessModel';
import { useSession } from './useSession';

export function useStaffAccess<M extends FieldModel | undefined>(model: M, instrument: string): M {
  const session = useSession();
  const user = session !== 'loading' && session !== undefined ? session.user : null;
  const isStaff = user !== null && (user.admin || user.staffOf.includes(instrument));
  return useMemo(
    () => (model ? (staffAccessModel(model, instrument, isStaff) as M) : model),
    [model, instrument, isStaff],
  );
}
