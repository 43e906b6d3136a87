import { registerEnumType } from '@nestjs/graphql';

/** Taille de l'entreprise, en nombre d'employés. */
export enum SizeBand {
  EMPLOYEES_1_4 = 'EMPLOYEES_1_4',
  EMPLOYEES_5_19 = 'EMPLOYEES_5_19',
  EMPLOYEES_20_49 = 'EMPLOYEES_20_49',
  EMPLOYEES_50_99 = 'EMPLOYEES_50_99',
  EMPLOYEES_100_499 = 'EMPLOYEES_100_499',
  EMPLOYEES_500_PLUS = 'EMPLOYEES_500_PLUS',
}

export enum Ownership {
  PRIVATE = 'PRIVATE',
  NON_PROFIT = 'NON_PROFIT',
  PARAPUBLIC = 'PARAPUBLIC',
  PUBLIC = 'PUBLIC',
}

export enum PreferredLanguage {
  FR = 'FR',
  EN = 'EN',
}

registerEnumType(SizeBand, {
  name: 'SizeBand',
  description: 'Taille de l’entreprise (employés)',
  valuesMap: {
    EMPLOYEES_1_4: { description: '1 à 4 employés' },
    EMPLOYEES_5_19: { description: '5 à 19 employés' },
    EMPLOYEES_20_49: { description: '20 à 49 employés' },
    EMPLOYEES_50_99: { description: '50 à 99 employés' },
    EMPLOYEES_100_499: { description: '100 à 499 employés' },
    EMPLOYEES_500_PLUS: { description: '500 employés et plus' },
  },
});
registerEnumType(Ownership, {
  name: 'Ownership',
  description: 'Propriété : privée, OBNL, parapublique, publique',
  valuesMap: {
    PRIVATE: { description: 'Entreprise privée' },
    NON_PROFIT: { description: 'Organisme à but non lucratif' },
    PARAPUBLIC: { description: 'Organisme parapublic' },
    PUBLIC: { description: 'Organisme public' },
  },
});
registerEnumType(PreferredLanguage, { name: 'PreferredLanguage', description: 'Langue de correspondance' });
