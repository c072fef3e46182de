// The project's own sample reports (examples/, see its README): a fictional agency's 2025 report
// with deliberate errors, and its clean 2024 report. Bundled as text (esbuild loader '.txt') into
// the page and the widget for 「加载示例」.
import text2025 from '../examples/qinghe-shengtai-2025.txt';
import text2024 from '../examples/qinghe-shengtai-2024.txt';

export const EXAMPLES = {
  2025: { name: 'qinghe-shengtai-2025.txt', text: text2025 },
  2024: { name: 'qinghe-shengtai-2024.txt', text: text2024 }
};
