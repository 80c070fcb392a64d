// Projects of a park (the park page's "key projects"): each project with its stage, the stages'
// dates as the articles report them, and its own approved figures (总投资 and the like). A
// project's figures are the project's: they never count as the park's own figures.
import 'server-only';
import { requireRole } from '@/lib/auth/dal';
import { getPrisma } from '@/lib/db';
import type { ProjectStageCode } from '@/lib/vocab/projects';
import { getFiguresCached, isoDate, type Figure } from './provenance';

export interface ProjectItem {
  id: number;
  name: string;
  stage: ProjectStageCode | null;
  milestones: { stage: ProjectStageCode; date: string | null; articleId: number | null }[];
  /** The project's approved whole-year figures (every kind), e.g. its 总投资 (plan). */
  figures: Figure[];
}

/** The park's live projects, those with the largest total investment first. */
export async function getParkProjects(parkId: number): Promise<ProjectItem[]> {
  await requireRole('viewer');
  if (!Number.isSafeInteger(parkId) || parkId <= 0) return [];
  const prisma = await getPrisma();
  const projects = await prisma.project.findMany({
    where: { parkId, deletedAt: null },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, stage: true, milestones: { orderBy: [{ date: 'asc' }, { id: 'asc' }], select: { stage: true, date: true, articleId: true } } },
  });
  if (projects.length === 0) return [];
  const figures = await getFiguresCached({ projectIds: projects.map((p) => p.id), periods: 'annual' });
  const investment = (p: ProjectItem) =>
    Math.max(0, ...p.figures.filter((f) => f.metricKey === 'project_total_investment').map((f) => Number(f.value)));
  return projects
    .map((p) => ({
      id: p.id,
      name: p.name,
      stage: p.stage,
      milestones: p.milestones.map((m) => ({ stage: m.stage, date: isoDate(m.date), articleId: m.articleId })),
      figures: figures.filter((f) => f.projectId === p.id),
    }))
    .sort((a, b) => investment(b) - investment(a) || a.id - b.id);
}
