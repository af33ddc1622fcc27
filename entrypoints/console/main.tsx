import { mountPage } from '@/components/mountPage';
import { ConsoleApp } from '@/components/console/ConsoleApp';
// The brief's styles: the spot-check shows each deal's brief.
import '../sidepanel/style.css';
import './style.css';

mountPage('console', 'console.html', <ConsoleApp />);
