import { registerEnumType } from '@nestjs/graphql';

/** What an advisor may do (docs/domain.md, Roles and permissions). */
export enum Role {
  ADVISOR = 'ADVISOR',
  MANAGER = 'MANAGER',
  ANALYST = 'ANALYST',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Rôle : ADVISOR (conseillère ou conseiller), MANAGER (direction régionale), ANALYST, ADMIN',
  valuesMap: {
    ADVISOR: { description: 'Conseillère ou conseiller en immigration régionale' },
    MANAGER: { description: 'Gestionnaire : voit les régions de sa direction régionale' },
    ANALYST: { description: 'Analyste : agrégats seulement, jamais de renseignements personnels' },
    ADMIN: { description: 'Administratrice ou administrateur' },
  },
});
