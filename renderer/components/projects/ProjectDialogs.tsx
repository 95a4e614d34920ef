/** The project dialogs: the one the store names (state.projectDialog) is shown, on the start screen or over the workspace. */
import { useStore } from '../../store';
import { NewProjectDialog } from './NewProjectDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { ProjectDetailsDialog } from './ProjectDetailsDialog';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import './projects.css';

export function ProjectDialogs() {
  const dialog = useStore((state) => state.projectDialog);
  if (dialog === 'new-project') return <NewProjectDialog />;
  if (dialog === 'open-project') return <OpenProjectDialog />;
  if (dialog === 'project-details') return <ProjectDetailsDialog />;
  if (dialog === 'restore-backup') return <RestoreBackupDialog />;
  return null;
}
