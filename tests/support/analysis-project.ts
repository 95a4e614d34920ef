/**
 * The small coded project the Analysis area's integration tests share: two texts, a `stance`
 * variable, and three segments of two coders (ana codes "Troops crossed the border" and "shameful
 * attack"; bea codes "crossed the border" as opinion), opened through the real store.
 */
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from './project';
import { textFolder } from './temp';

export const ANALYSIS_TEXT = 'Troops crossed the border at dawn 🙂.\r\n\r\nThe minister called it a shameful attack on the border villages.\n';

/** The project, open (the caller closes its store), with the coded document. */
export async function codedAnalysisProject() {
  const project = await openProject(undefined, await textFolder({ 'report.txt': ANALYSIS_TEXT, 'empty.txt': 'Nothing coded here.\n' }));
  const { store, handlers } = project;
  const document = store.overview().documents.find((d) => d.title.startsWith('Troops'))!;
  await dispatch(handlers, 'defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  await dispatch(handlers, 'setDocumentValue', { documentId: document.id, name: 'stance', value: 'pro' });
  await store.addSegment(segmentInput(document.id, ANALYSIS_TEXT, 'Troops crossed the border'));
  await store.addSegment(segmentInput(document.id, ANALYSIS_TEXT, 'shameful attack', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, ANALYSIS_TEXT, 'crossed the border', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  return { ...project, document };
}
