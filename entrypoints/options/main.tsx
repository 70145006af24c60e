import { render } from 'preact';
import '@/components/profile/profile.css';
import './style.css';
import { App, reload } from './App';

render(<App />, document.getElementById('app')!);
void reload();
