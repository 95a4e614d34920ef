/** Entry of the page: sets up the interface's language, then mounts the React app. */
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
