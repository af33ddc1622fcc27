import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BriefApp } from '@/components/brief/BriefApp';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('Baton side panel: #root is missing from sidepanel.html');
createRoot(root).render(
  <StrictMode>
    <BriefApp />
  </StrictMode>,
);
