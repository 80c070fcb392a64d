import { TableSkeleton } from '@/components/layout/skeletons';

export default function Loading() {
  return <TableSkeleton />;
}
