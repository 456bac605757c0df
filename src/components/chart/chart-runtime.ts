/**
 * The lazily loaded part: only the chart.js pieces `<kdx-chart>` draws with, registered once, and the model →
 * configuration mapping (`chart-config.ts`), which only a drawn chart needs. Imported solely through
 * `load-chartjs.ts`, so bundlers put it (and chart.js) in a chunk of its own.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, LineController, LineElement, PointElement, Tooltip);

export { Chart };
export { chartConfig } from './chart-config.js';
