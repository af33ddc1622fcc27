import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('Baton options: #root is missing from options.html');
createRoot(root).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
