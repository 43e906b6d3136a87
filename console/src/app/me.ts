import { MeDocument, type MeQuery, type Role } from '../../../operations/generated';
import { useGqlQuery } from '../api/hooks';

export type Me = MeQuery['me'];

/** The signed-in person (role and own regions decide the navigation and defaults). */
export function useMe() {
  return useGqlQuery(MeDocument, {});
}

export const canSeeWorklist = (role: Role) => role !== 'ANALYST';
export const canSeeCompanies = (role: Role) => role !== 'ANALYST';
export const canExport = (role: Role) => role !== 'ADVISOR';
export const isAdmin = (role: Role) => role === 'ADMIN';
