// 签到 / 签退 for window clerks (考勤): each press is an event the supervision platform compares with the hall's hours.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { http, ok } from '../api/http';
import { useI18n } from '../i18n';

export function AttendanceButton() {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: ['attendance'], queryFn: () => ok(http.GET('/api/intake/attendance')) });
  const sign = useMutation({
    mutationFn: (signIn: boolean) => ok(signIn ? http.POST('/api/intake/attendance/sign-in', { body: {} }) : http.POST('/api/intake/attendance/sign-out', { body: {} })),
    onSuccess: (next) => {
      queryClient.setQueryData(['attendance'], next);
      void message.success(next.signedIn ? t('attendance.signedIn') : t('attendance.signedOut'));
    },
    onError: (err: Error) => void message.error(err.message),
  });
  if (!state.data) return null;
  const signedIn = state.data.signedIn;
  return (
    <Tooltip title={state.data.at ? t(signedIn ? 'attendance.sinceIn' : 'attendance.sinceOut', { time: formatDateTime(state.data.at) }) : undefined}>
      <Button size="small" className="tb-attendance-button" loading={sign.isPending} onClick={() => sign.mutate(!signedIn)}>
        {signedIn ? t('attendance.signOut') : t('attendance.signIn')}
      </Button>
    </Tooltip>
  );
}
