import x from './other.js';
