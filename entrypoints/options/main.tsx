import { render } from 'preact';
import '@/components/profile/profile.css';
import './style.css';
import { App, start } from './App';

render(<App />, document.getElementById('app')!);
void start();
