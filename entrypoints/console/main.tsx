import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from '@/components/console/ConsoleApp';
// The brief's styles: the spot-check shows each deal's brief.
import '../sidepanel/style.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('Baton console: #root is missing from console.html');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
