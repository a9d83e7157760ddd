// Typed hooks for appointments, consultations and the FAQ, agency cases and employment registration.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyCase, AgencyCaseInput, AgencyCasePatch, AgencyStagePatch, Booking, BookingInput, Consultation, ConsultationInput, EmploymentRegistration, FaqEntry, ListResult, Slot, SlotBulkInput,
  SlotInput, SlotPatch,
} from '@shuangsheng/contracts';
import { api, type Query } from '../../../api/client';
import { refreshAfterWrite, resource, type InputOf } from '../../../api/resource';

export const slots = resource<Slot, InputOf<typeof SlotInput>, InputOf<typeof SlotPatch>>('/api/appointment-slots', 'appointment-slots');
export const bookings = resource<Booking, InputOf<typeof BookingInput>>('/api/appointments', 'appointments');
export const consultations = resource<Consultation, InputOf<typeof ConsultationInput>>('/api/consultations', 'consultations');
export const agencyCases = resource<AgencyCase, InputOf<typeof AgencyCaseInput>, InputOf<typeof AgencyCasePatch>>('/api/agency-cases', 'agency-cases');
export const registrations = resource<EmploymentRegistration, never>('/api/employment-registrations', 'employment-registrations');

/** A POST that changes something, then refreshes what is on screen. */
function useWrite<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshAfterWrite(qc) });
}

export const useBulkSlots = () => useWrite((body: InputOf<typeof SlotBulkInput>) => api.post<{ created: number; skippedNonWorking: number; skippedExisting: number }>('/api/appointment-slots/bulk', body));
export const useSlotAction = () => useWrite(({ id, action }: { id: string; action: 'close' | 'reopen' }) => api.post<Slot>(`/api/appointment-slots/${id}/actions/${action}`));
export const useBookingAction = () => useWrite(({ id, action }: { id: string; action: 'cancel' | 'check-in' | 'no-show' }) => api.post<Booking>(`/api/appointments/${id}/actions/${action}`));
export const useAnswer = () => useWrite(({ id, answer }: { id: string; answer: string }) => api.post<Consultation>(`/api/consultations/${id}/actions/answer`, { answer }));
export const usePublish = () => useWrite(({ id, publish }: { id: string; publish: boolean }) => api.post<Consultation>(`/api/consultations/${id}/actions/${publish ? 'publish' : 'unpublish'}`));
export const useUpdateStage = () => useWrite(({ id, patch }: { id: string; patch: InputOf<typeof AgencyStagePatch> }) => api.patch<AgencyCase>(`/api/agency-cases/${id}/stages`, patch));

export function useFaq(query: Query) {
  return useQuery({
    queryKey: ['faq', query],
    queryFn: ({ signal }) => api.get<ListResult<FaqEntry>>('/api/public/faq', query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const revealPerson = (id: string, reason: string) => api.post<{ idNumber: string; phone: string }>(`/api/employment-registrations/${id}/actions/reveal`, { reason });
