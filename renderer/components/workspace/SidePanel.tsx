/**
 * The side panel the activity bar shows: the documents, the codebook, the search, the open
 * document's coded segments, the suggestions, the analysis figures, or the way to the agreement
 * view. Each panel scrolls inside itself.
 */
import type { ReactElement } from 'react';
import { useT } from '../../i18n/i18n';
import { hideSidePanel, openDocumentTab, openViewTab } from '../../services/workspace';
import { useStore } from '../../store';
import type { SidePanel as Panel } from '../../store/workspace';
import { CodebookEditor } from '../codebook/CodebookEditor';
import { SegmentPanel } from '../coding/SegmentPanel';
import { DocumentList } from '../documents/DocumentList';
import { SearchPanel } from '../search/SearchPanel';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { AnalysisPanel } from './AnalysisPanel';

function DocumentsPanel() {
  const t = useT();
  return (
    <>
      <DocumentList onOpen={(documentId) => void openDocumentTab(documentId)} />
      <div className="panel-footer">
        <button type="button" onClick={() => openViewTab('variables')} title={t('workspace.panels.documents.variablesTitle')} data-action="variables">
          {t('workspace.panels.documents.variables')}
        </button>
      </div>
    </>
  );
}

function SegmentsPanel() {
  const t = useT();
  const open = useStore((state) => !!state.open);
  return (
    <div className="segments-side">
      <div className="panel-toolbar">
        <button type="button" onClick={() => openViewTab('retrieval')} title={t('workspace.panels.segments.openAllTitle')} data-action="retrieval">
          {t('workspace.panels.segments.openAll')}
        </button>
      </div>
      {open ? <SegmentPanel /> : <p className="empty">{t('workspace.panels.segments.noDocument')}</p>}
    </div>
  );
}

function AgreementPanel() {
  const t = useT();
  return (
    <section className="agreement-side" aria-labelledby="agreement-side-title">
      <h2 className="panel-title" id="agreement-side-title">
        {t('workspace.panels.agreement.title')}
      </h2>
      <p>{t('workspace.panels.agreement.intro')}</p>
      <button type="button" onClick={() => openViewTab('reliability')} data-action="reliability">
        {t('workspace.panels.agreement.open')}
      </button>
    </section>
  );
}

const PANELS: Record<Panel, () => ReactElement> = {
  documents: DocumentsPanel,
  codebook: () => <CodebookEditor onClose={hideSidePanel} />,
  search: () => <SearchPanel onClose={hideSidePanel} />,
  segments: SegmentsPanel,
  suggestions: SuggestionsPanel,
  analysis: AnalysisPanel,
  agreement: AgreementPanel,
};

/** The side panel shown, or nothing when the side bar is folded away. */
export function SidePanel() {
  const shown = useStore((state) => state.sidePanel);
  if (!shown) return null;
  const Content = PANELS[shown];
  return (
    <div className={`side-panel side-${shown}`} data-panel={shown}>
      <Content />
    </div>
  );
}
