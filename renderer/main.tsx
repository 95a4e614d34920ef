/**
 * Entry of the page: sets up the interface's language and applies the reader's settings (theme,
 * text size, line width, font) before anything is drawn, then mounts the React app.
 */
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './App';
import { startSettings } from './services/settings';
import './themes.css';
import './styles.css';

startSettings();
createRoot(document.getElementById('root')!).render(<App />);
