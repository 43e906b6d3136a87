import { Field, Int, ObjectType } from '@nestjs/graphql';

/** The figures of an event's summary, for one region or for all the regions shown. */
@ObjectType({ isAbstract: true })
export abstract class EventFigures {
  @Field(() => Int, { description: 'Entreprises inscrites (désistements exclus)' })
  companiesRegistered!: number;

  @Field(() => Int, { description: 'Entreprises présentes à l’événement (ATTENDED)' })
  companiesAttended!: number;

  @Field(() => Int, { description: 'Postes offerts : somme des postes des besoins présentés (désistements exclus)' })
  positionsOffered!: number;

  @Field(() => Int, { description: 'Candidates et candidats rencontrés' })
  candidatesMet!: number;

  @Field(() => Int, { description: 'Entrevues tenues' })
  interviewsHeld!: number;

  @Field(() => Int, { description: 'Promesses d’embauche' })
  offersMade!: number;

  @Field(() => Int, { description: 'Embauches' })
  hires!: number;
}

@ObjectType({ description: 'Bilan d’un événement pour les entreprises d’une région' })
export class EventRegionSummary extends EventFigures {
  @Field({ description: 'Région des entreprises (code)' })
  regionCode!: string;
}

@ObjectType({
  description:
    'Bilan d’un événement Journées Québec, par région des entreprises et au total (les champs de premier niveau)',
})
export class JourneesQuebecEventSummary extends EventFigures {
  @Field({
    description:
      'Vrai quand le bilan couvre toutes les régions (ADMIN, MANAGER, ANALYST) ; faux pour une conseillère ou un ' +
      'conseiller (ADVISOR), dont le bilan se limite à ses régions',
  })
  coversAllRegions!: boolean;

  @Field(() => [EventRegionSummary], {
    description: 'Une ligne par région ayant au moins une entreprise inscrite (désistements exclus), par code',
  })
  byRegion!: EventRegionSummary[];
}

export const emptyFigures = (): EventFigures => ({
  companiesRegistered: 0,
  companiesAttended: 0,
  positionsOffered: 0,
  candidatesMet: 0,
  interviewsHeld: 0,
  offersMade: 0,
  hires: 0,
});
