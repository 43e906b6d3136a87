import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

export const RecruitmentNeedStatus = graphqlEnum(
  'RecruitmentNeedStatus',
  'OPEN → IN_PROGRESS → FILLED | PARTIALLY_FILLED | CANCELLED (CANCELLED aussi depuis OPEN)',
  {
    OPEN: 'Ouvert',
    IN_PROGRESS: 'En cours',
    FILLED: 'Pourvu : tous les postes',
    PARTIALLY_FILLED: 'Partiellement pourvu : fermé avec moins de postes pourvus que prévu',
    CANCELLED: 'Annulé',
  },
);
export type RecruitmentNeedStatus = EnumValue<typeof RecruitmentNeedStatus>;

export const EmploymentType = graphqlEnum('EmploymentType', undefined, {
  PERMANENT: 'Permanent',
  TEMPORARY: 'Temporaire',
  SEASONAL: 'Saisonnier',
});
export type EmploymentType = EnumValue<typeof EmploymentType>;

export const FrenchLevel = graphqlEnum('FrenchLevel', 'Niveau de français exigé', {
  NOT_REQUIRED: 'Non exigé',
  BEGINNER: 'Débutant',
  INTERMEDIATE: 'Intermédiaire',
  ADVANCED: 'Avancé',
});
export type FrenchLevel = EnumValue<typeof FrenchLevel>;

export const RecruitmentChannel = graphqlEnum('RecruitmentChannel', 'Bassin de recrutement visé', {
  LOCAL: 'Local',
  INTERREGIONAL_MOBILITY: 'Mobilité interrégionale',
  INTERNATIONAL_RECRUITMENT: 'Recrutement international',
  TEMPORARY_FOREIGN_WORKERS: 'Travailleurs étrangers temporaires',
});
export type RecruitmentChannel = EnumValue<typeof RecruitmentChannel>;

/** Statuses of a need still being worked on (positions "open"). */
export const ACTIVE_NEED_STATUSES = [RecruitmentNeedStatus.OPEN, RecruitmentNeedStatus.IN_PROGRESS];
