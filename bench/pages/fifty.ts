/** 50 widgets on one `src` (fifty.html): the library's page entry, nothing else. */
import '../../src/kdx.js';
