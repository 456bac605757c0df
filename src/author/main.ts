/** The authoring page's script (author.html → dist/author.html): defines its elements; widgets load on use. */
import { define } from '../define.js';
import { KdxAuthor } from './author-app.js';
import { KdxAuthorPreview } from './author-preview.js';

define('kdx-author-preview', KdxAuthorPreview);
define('kdx-author', KdxAuthor);
