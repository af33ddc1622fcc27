import { mountPage } from '@/components/mountPage';
import { BriefApp } from '@/components/brief/BriefApp';
import './style.css';

mountPage('side panel', 'sidepanel.html', <BriefApp />);
