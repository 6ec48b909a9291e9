import type { ImportFile, ImportJob, ImportJobList, ImportPreview, StartImportBody } from '@cdp/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ImportKindValue } from '../mapping.ts';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

/** Recent import jobs, newest first. */
export function useImportJobs() {
  return useQuery<ImportJobList>({ queryKey: importKeys.list, queryFn: () => api.imports.list() });
}

/** One job, polled every second while it runs. */
export function useImportJob(id: string | null) {
  return useQuery<ImportJob>({
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => api.imports.get(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}

export function useUploadImportFile() {
  return useMutation<ImportFile, unknown, File>({
    mutationFn: (file: File) => api.imports.upload(file.name, file),
  });
}

export interface PreviewInput {
  readonly fileId: string;
  readonly kind: ImportKindValue;
  readonly mapping: Record<string, unknown>;
}

export function usePreviewImport() {
  return useMutation<ImportPreview, unknown, PreviewInput>({
    mutationFn: ({ fileId, kind, mapping }) => api.imports.preview(fileId, { kind, mapping }),
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportJob, unknown, StartImportBody>({
    mutationFn: (body) => api.imports.start(body),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}
