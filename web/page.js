// The page script (entry point; web/build.mjs bundles it into dist/nianbao.html as one classic
// inline script): the UI with its worker (app.js), then report files (pdf/page-files.js), the
// previous year's report and the changes (previous.js), then the example, the share link, the
// draft and the keys (page-extras.js), which extend the UI, and the batch view of several files
// (batch.js). Evaluated in this order.
import './app.js';
import './pdf/page-files.js';
import './previous.js';
import './page-extras.js';
import './batch.js';
