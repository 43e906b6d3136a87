import { registerEnumType } from '@nestjs/graphql';

/**
 * Where a Portail employeurs referral stands (docs/domain.md): the funnel REFERRED → ACCOUNT_CREATED → OFFER_POSTED →
 * CANDIDATES_RECEIVED → HIRED, or DECLINED / ABANDONED from any open step.
 */
export enum PortailReferralStep {
  REFERRED = 'REFERRED',
  ACCOUNT_CREATED = 'ACCOUNT_CREATED',
  OFFER_POSTED = 'OFFER_POSTED',
  CANDIDATES_RECEIVED = 'CANDIDATES_RECEIVED',
  HIRED = 'HIRED',
  DECLINED = 'DECLINED',
  ABANDONED = 'ABANDONED',
}

/** Labels, used in messages and reports. */
export const STEP_LABELS: Record<PortailReferralStep, { fr: string; en: string }> = {
  REFERRED: { fr: 'référée au Portail', en: 'referred to the portal' },
  ACCOUNT_CREATED: { fr: 'compte créé', en: 'account created' },
  OFFER_POSTED: { fr: 'offre publiée', en: 'offer posted' },
  CANDIDATES_RECEIVED: { fr: 'candidatures reçues', en: 'candidates received' },
  HIRED: { fr: 'embauche', en: 'hired' },
  DECLINED: { fr: 'refusée par l’entreprise', en: 'declined' },
  ABANDONED: { fr: 'abandonnée', en: 'abandoned' },
};

registerEnumType(PortailReferralStep, {
  name: 'PortailReferralStep',
  description:
    'Étape d’un référencement au Portail employeurs : REFERRED → ACCOUNT_CREATED → OFFER_POSTED → ' +
    'CANDIDATES_RECEIVED → HIRED, ou DECLINED / ABANDONED depuis toute étape ouverte',
  valuesMap: {
    REFERRED: { description: 'Entreprise référée au Portail employeurs' },
    ACCOUNT_CREATED: { description: 'Compte employeur créé sur le Portail' },
    OFFER_POSTED: { description: 'Offre d’emploi publiée' },
    CANDIDATES_RECEIVED: { description: 'Candidatures reçues' },
    HIRED: { description: 'Embauche (étape finale)' },
    DECLINED: { description: 'L’entreprise a refusé (étape finale)' },
    ABANDONED: { description: 'Démarche abandonnée (étape finale)' },
  },
});
