import '../translations';
import './figures.css';
import { beliefChart } from './beliefChart';
import { brierChart } from './brierChart';
import { calendarChart } from './calendarChart';
import { calibrationChart } from './calibrationChart';
import { causesChart } from './causesChart';
import { useHeadingLevel } from './figure';
import { provideFigures } from './lazy';

/** figures.js: the sidebar's charts, drawn by the same modules as the Progress tab's, at the sidebar's width. */
useHeadingLevel('h3');
provideFigures((figures, width) => [beliefChart(figures, width), calendarChart(figures, width), causesChart(figures, width), calibrationChart(figures, width), brierChart(figures, width)]);
