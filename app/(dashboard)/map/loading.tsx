import { DetailSkeleton } from '@/components/layout/skeletons';

export default function Loading() {
  return <DetailSkeleton />;
}
