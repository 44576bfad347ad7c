export { reportBenchFigures } from '../../report/bench';
