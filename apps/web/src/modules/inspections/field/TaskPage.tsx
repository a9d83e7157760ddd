// /inspections/tasks/:id — an inspection (the record, walked place by place) or a daily
// follow-up visit (每日回访) of a ledger item, by the task's kind.
import { useParams } from 'react-router';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useTask } from './api';
import { FollowUpVisit } from './FollowUpVisit';
import { InspectionRecord } from './InspectionRecord';

export default function TaskPage() {
  const { id } = useParams();
  const task = useTask(id);
  if (task.isPending) return <PageSkeleton rows={10} />;
  if (task.isError) return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  return task.data.kind === 'follow_up' ? <FollowUpVisit task={task.data} /> : <InspectionRecord task={task.data} />;
}
