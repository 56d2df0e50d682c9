import { mergeCatalogues } from '../i18n/format';
import { engineMessages } from '../engine';
import { ingestMessages } from '../ingest';
import { appMessages } from './messages';
import { boardMessages } from './board-messages';
import { notebookMessages } from './notebook-messages';
import { scenarioMessages } from './scenario-messages';
import { shareMessages } from './share-messages';
import { workspaceMessages } from './workspace-messages';

/** The one message catalogue: every module's part, zh-CN first, English second. */
export const catalogue = mergeCatalogues(appMessages, boardMessages, ingestMessages, engineMessages, notebookMessages, scenarioMessages, workspaceMessages, shareMessages);
