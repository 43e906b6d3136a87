import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

/** Taille de l'entreprise, en nombre d'employés. */
export const SizeBand = graphqlEnum('SizeBand', 'Taille de l’entreprise (employés)', {
  EMPLOYEES_1_4: '1 à 4 employés',
  EMPLOYEES_5_19: '5 à 19 employés',
  EMPLOYEES_20_49: '20 à 49 employés',
  EMPLOYEES_50_99: '50 à 99 employés',
  EMPLOYEES_100_499: '100 à 499 employés',
  EMPLOYEES_500_PLUS: '500 employés et plus',
});
export type SizeBand = EnumValue<typeof SizeBand>;

export const Ownership = graphqlEnum('Ownership', 'Propriété : privée, OBNL, parapublique, publique', {
  PRIVATE: 'Entreprise privée',
  NON_PROFIT: 'Organisme à but non lucratif',
  PARAPUBLIC: 'Organisme parapublic',
  PUBLIC: 'Organisme public',
});
export type Ownership = EnumValue<typeof Ownership>;

export const PreferredLanguage = graphqlEnum('PreferredLanguage', 'Langue de correspondance', ['FR', 'EN']);
export type PreferredLanguage = EnumValue<typeof PreferredLanguage>;
