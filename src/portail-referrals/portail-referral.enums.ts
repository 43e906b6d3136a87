import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

/**
 * Where a Portail employeurs referral stands (docs/domain.md): the funnel REFERRED → ACCOUNT_CREATED → OFFER_POSTED →
 * CANDIDATES_RECEIVED → HIRED, or DECLINED / ABANDONED from any open step.
 */
export const PortailReferralStep = graphqlEnum(
  'PortailReferralStep',
  'Étape d’un référencement au Portail employeurs : REFERRED → ACCOUNT_CREATED → OFFER_POSTED → ' +
    'CANDIDATES_RECEIVED → HIRED, ou DECLINED / ABANDONED depuis toute étape ouverte',
  {
    REFERRED: 'Entreprise référée au Portail employeurs',
    ACCOUNT_CREATED: 'Compte employeur créé sur le Portail',
    OFFER_POSTED: 'Offre d’emploi publiée',
    CANDIDATES_RECEIVED: 'Candidatures reçues',
    HIRED: 'Embauche (étape finale)',
    DECLINED: 'L’entreprise a refusé (étape finale)',
    ABANDONED: 'Démarche abandonnée (étape finale)',
  },
);
export type PortailReferralStep = EnumValue<typeof PortailReferralStep>;
