import { mountPage } from '@/components/mountPage';
import { OptionsApp } from '@/components/options/OptionsApp';
import './style.css';

mountPage('options', 'options.html', <OptionsApp />);
