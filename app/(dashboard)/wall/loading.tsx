import { WallSkeleton } from '@/components/layout/skeletons';

export default function Loading() {
  return <WallSkeleton />;
}
