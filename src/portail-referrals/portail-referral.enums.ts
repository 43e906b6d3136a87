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
