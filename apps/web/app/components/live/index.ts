export { LiveUpdates, type LiveUpdatesProps } from './LiveUpdates.tsx';
