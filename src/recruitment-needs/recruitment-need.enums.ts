import { registerEnumType } from '@nestjs/graphql';

export enum RecruitmentNeedStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  FILLED = 'FILLED',
  PARTIALLY_FILLED = 'PARTIALLY_FILLED',
  CANCELLED = 'CANCELLED',
}

export enum EmploymentType {
  PERMANENT = 'PERMANENT',
  TEMPORARY = 'TEMPORARY',
  SEASONAL = 'SEASONAL',
}

export enum FrenchLevel {
  NOT_REQUIRED = 'NOT_REQUIRED',
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
}

export enum RecruitmentChannel {
  LOCAL = 'LOCAL',
  INTERREGIONAL_MOBILITY = 'INTERREGIONAL_MOBILITY',
  INTERNATIONAL_RECRUITMENT = 'INTERNATIONAL_RECRUITMENT',
  TEMPORARY_FOREIGN_WORKERS = 'TEMPORARY_FOREIGN_WORKERS',
}

/** Statuses of a need still being worked on (positions "open"). */
export const ACTIVE_NEED_STATUSES = [RecruitmentNeedStatus.OPEN, RecruitmentNeedStatus.IN_PROGRESS];

registerEnumType(RecruitmentNeedStatus, {
  name: 'RecruitmentNeedStatus',
  description: 'OPEN → IN_PROGRESS → FILLED | PARTIALLY_FILLED | CANCELLED (CANCELLED aussi depuis OPEN)',
  valuesMap: {
    OPEN: { description: 'Ouvert' },
    IN_PROGRESS: { description: 'En cours' },
    FILLED: { description: 'Pourvu : tous les postes' },
    PARTIALLY_FILLED: { description: 'Partiellement pourvu : fermé avec moins de postes pourvus que prévu' },
    CANCELLED: { description: 'Annulé' },
  },
});
registerEnumType(EmploymentType, {
  name: 'EmploymentType',
  valuesMap: {
    PERMANENT: { description: 'Permanent' },
    TEMPORARY: { description: 'Temporaire' },
    SEASONAL: { description: 'Saisonnier' },
  },
});
registerEnumType(FrenchLevel, {
  name: 'FrenchLevel',
  description: 'Niveau de français exigé',
  valuesMap: {
    NOT_REQUIRED: { description: 'Non exigé' },
    BEGINNER: { description: 'Débutant' },
    INTERMEDIATE: { description: 'Intermédiaire' },
    ADVANCED: { description: 'Avancé' },
  },
});
registerEnumType(RecruitmentChannel, {
  name: 'RecruitmentChannel',
  description: 'Bassin de recrutement visé',
  valuesMap: {
    LOCAL: { description: 'Local' },
    INTERREGIONAL_MOBILITY: { description: 'Mobilité interrégionale' },
    INTERNATIONAL_RECRUITMENT: { description: 'Recrutement international' },
    TEMPORARY_FOREIGN_WORKERS: { description: 'Travailleurs étrangers temporaires' },
  },
});
