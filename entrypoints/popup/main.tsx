import { render } from 'preact';
import '@/components/profile/profile.css';
import './style.css';
import { App, load } from './App';

document.title = 'Помощник: сертификат дополнительного образования';
render(<App />, document.getElementById('app')!);
void load();
