import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/** The service center's name, phone and address (changes rarely). */
export function useCenter() {
  return useQuery({ queryKey: ['catalog', 'center'], queryFn: api.catalog.center, staleTime: Infinity });
}
