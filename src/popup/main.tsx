import { render } from 'preact';

render(<h1>XNAT Token Tools</h1>, document.getElementById('app') as HTMLElement);
