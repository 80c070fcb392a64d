// Project stages (签约 → 开工 → 在建 → 竣工 → 投产), in order, and how an article's sentence names
// them. The database enum project_stage is checked against PROJECT_STAGES.
export const PROJECT_STAGES = ['signed', 'started', 'under_construction', 'completed', 'in_operation'] as const;
export type ProjectStageCode = (typeof PROJECT_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<ProjectStageCode, { zh: string; en: string }>> = {
  signed: { zh: '签约', en: 'signed' },
  started: { zh: '开工', en: 'started' },
  under_construction: { zh: '在建', en: 'under construction' },
  completed: { zh: '竣工', en: 'completed' },
  in_operation: { zh: '投产', en: 'in operation' },
};

// Later stages first: 竣工投产 is in operation, 签约并开工 has started.
const CUES: readonly [ProjectStageCode, RegExp][] = [
  ['in_operation', /投产|投入运营|建成运营|正式运营|达产/],
  ['completed', /竣工|建成|完工/],
  ['under_construction', /在建|建设中|正在建设|加快建设|续建|施工/],
  ['started', /开工|动工|奠基/],
  ['signed', /签约|签订|签署|落户|引进/],
];

/** The furthest stage a sentence says a project reached, or null when it names none. */
export function projectStageOf(sentence: string | null | undefined): ProjectStageCode | null {
  if (!sentence) return null;
  for (const [stage, cue] of CUES) if (cue.test(sentence)) return stage;
  return null;
}

export function stageRank(stage: ProjectStageCode): number {
  return PROJECT_STAGES.indexOf(stage);
}
