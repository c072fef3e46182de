// The page script (entry point; web/build.mjs bundles it into dist/nianbao.html as one classic
// inline script): the UI with its worker (app.js), then report files (pdf/page-files.js), which
// extends the UI. Evaluated in this order.
import './app.js';
import './pdf/page-files.js';
