import { ArticleSkeleton } from '@/components/layout/skeletons';

export default function Loading() {
  return <ArticleSkeleton />;
}
